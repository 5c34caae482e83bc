package org.fmishare.transport.email;

/** The default in-memory store meets the contract, except that it forgets on restart. */
class InMemoryEmailDedupeStoreTest extends EmailDedupeStoreContract {
    @Override
    EmailDedupeStore open() {
        return EmailDedupeStore.inMemory();
    }

    @Override
    boolean persistent() {
        return false;
    }
}
