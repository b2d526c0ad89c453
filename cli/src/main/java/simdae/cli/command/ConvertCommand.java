package simdae.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import simdae.engine.format.DType;
import simdae.engine.format.LoadedModel;

/** {@code simdae convert}: re-save a model with other weight precision (f16 halves it, int8 quarters it). */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Re-save MODEL with f32, f16 or int8 (per-row scale) weights; everything else is kept.",
        footer = {"", "Examples:",
                "  simdae convert --model weights/mnist.sae --dtype int8 --out /tmp/mnist-int8.sae"})
public final class ConvertCommand extends BaseCommand {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model to convert.")
    Path model;

    @Option(names = "--dtype", required = true, paramLabel = "f32|f16|int8", description = "Weight precision of the copy.")
    DType dtype;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the copy.")
    Path outModel;

    @Override
    public Integer call() throws Exception {
        LoadedModel lm = ModelStore.load(model);
        if (lm.dtype() != DType.F32 && dtype.ordinal() < lm.dtype().ordinal()) {
            err().println("note: " + model + " already holds " + lm.dtype() + " weights; converting up does not restore precision");
        }
        ModelStore.save(lm.model(), outModel, dtype);
        out().println(String.format(Locale.ROOT, "%s (%s, %s) -> %s (%s, %s)", model, lm.dtype(), Sizes.bytes(lm.fileBytes()),
                outModel, dtype, Sizes.bytes(Files.size(outModel))));
        return 0;
    }
}
