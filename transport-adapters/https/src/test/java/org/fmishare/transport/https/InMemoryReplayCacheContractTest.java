package org.fmishare.transport.https;

import org.fmishare.core.envelope.InMemoryReplayCache;
import org.fmishare.core.envelope.ReplayCache;

/** The in-memory replay cache (the verifier's default) meets the contract, except that it forgets on restart. */
class InMemoryReplayCacheContractTest extends ReplayCacheContract {
    @Override
    ReplayCache open() {
        return InMemoryReplayCache.create();
    }

    @Override
    boolean persistent() {
        return false;
    }
}
