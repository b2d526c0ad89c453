/**
 * The simdae weights format: a compact, checksummed, memory-mappable binary file per trained model, specified in
 * {@code weights/FORMAT.md}. Start at {@link simdae.engine.format.ModelFile}.
 */
package simdae.engine.format;
