package simdae.cli;

import picocli.CommandLine.IVersionProvider;
import simdae.engine.Version;
import simdae.engine.kernel.KernelProvider;

/** {@code simdae --version}: the library version, the JDK and the kernels this JVM runs. */
public final class VersionInfo implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "simdae " + Version.get(),
            "JDK " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
            "kernels: " + KernelProvider.description()
        };
    }
}
