package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.junit.jupiter.api.Test;

class EncryptedEnvelopeTest {

    @Test
    void signThenEncryptRoundTripsForEcAndRsaRecipients() {
        for (KeyAlgorithm alg : new KeyAlgorithm[] {KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384,
                KeyAlgorithm.RSA_2048}) {
            SigningCredential recipient = Fixtures.ROOT.issue("recipient " + alg, alg);
            SignedEnvelope signed = Fixtures.signedShare();
            EncryptedEnvelope enc = signed.encryptFor(recipient.certificate());

            String json = new String(enc.serialized(), StandardCharsets.US_ASCII);
            assertThat(json).doesNotContain(signed.envelopeId()).contains("\"ciphertext\"");
            assertThat(enc.digest()).isEqualTo(signed.digest());
            assertThat(enc.envelopeId()).isEqualTo(signed.envelopeId());

            VerifiedEnvelope v = Fixtures.verifierBuilder().decryptionKey(recipient.privateKey()).build()
                    .verify(enc.serialized());
            assertThat(v.envelopeId()).as(alg.name()).isEqualTo(signed.envelopeId());
            assertThat(v.digest()).isEqualTo(signed.digest());
        }
    }

    @Test
    void wrongDecryptionKeyIsRejected() {
        EncryptedEnvelope enc = Fixtures.signedShare().encryptFor(Fixtures.RECIPIENT.certificate());
        SigningCredential other = Fixtures.ROOT.issue("someone else", KeyAlgorithm.EC_P256);
        assertThatThrownBy(() -> Fixtures.verifierBuilder().decryptionKey(other.privateKey()).build()
                .verify(enc.serialized())).isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.DECRYPTION);
        assertThatThrownBy(() -> Fixtures.verifier().verify(enc.serialized()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.DECRYPTION)
                .hasMessageContaining("no decryption key");
    }

    @Test
    void tamperedCiphertextIsRejected() {
        byte[] bytes = Fixtures.signedShare().encryptFor(Fixtures.RECIPIENT.certificate()).serialized();
        EnvelopeVerifier verifier = Fixtures.verifierBuilder().decryptionKey(Fixtures.RECIPIENT.privateKey()).build();
        int accepted = 0;
        for (int i = 0; i < bytes.length; i += 13) {
            byte[] copy = bytes.clone();
            copy[i] ^= 0x01;
            try {
                verifier.verify(copy);
                accepted++;
            } catch (EnvelopeException expected) {
                assertThat(expected.isInputRejection()).as("byte " + i + ": " + expected).isTrue();
            }
        }
        assertThat(accepted).isZero();
    }

    @Test
    void ed25519CertificatesCannotReceiveEncryptedEnvelopes() {
        SigningCredential ed = Fixtures.ROOT.issue("ed recipient", KeyAlgorithm.ED25519);
        assertThatThrownBy(() -> Fixtures.signedShare().encryptFor(ed.certificate()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
