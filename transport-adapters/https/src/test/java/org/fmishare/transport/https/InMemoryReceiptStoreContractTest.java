package org.fmishare.transport.https;

/** The in-memory default against the receipt store contract (it forgets on restart, by design). */
class InMemoryReceiptStoreContractTest extends ReceiptStoreContract {
    @Override
    ReceiptStore open() {
        return InMemoryReceiptStore.create();
    }

    @Override
    boolean persistent() {
        return false;
    }
}
