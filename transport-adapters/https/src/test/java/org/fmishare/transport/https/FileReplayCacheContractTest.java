package org.fmishare.transport.https;

import java.nio.file.Path;
import org.fmishare.core.envelope.FileReplayCache;
import org.fmishare.core.envelope.ReplayCache;
import org.junit.jupiter.api.io.TempDir;

/** The file replay cache meets the contract, and remembers across a close and a reopen. */
class FileReplayCacheContractTest extends ReplayCacheContract {
    @TempDir
    Path dir;

    @Override
    ReplayCache open() {
        return FileReplayCache.open(dir.resolve("nonces"), T0);
    }

    @Override
    void close(ReplayCache cache) {
        ((FileReplayCache) cache).close();
    }

    @Override
    boolean persistent() {
        return true;
    }
}
