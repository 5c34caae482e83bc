package org.fmishare.transport.email;

import com.icegreen.greenmail.util.GreenMail;
import org.fmishare.core.envelope.EnvelopeBody;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.testkit.SampleData;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.Format;

/**
 * Shared test PKI, sample envelopes and a GreenMail TLS set-up. GreenMail reads its server key store once per JVM
 * from system properties, so this class sets them (a localhost certificate from our own TLS test CA) before any
 * test starts a server.
 */
final class MailFixture {
    static final TestPki.Authority CA = TestPki.authority("fmi-share email test CA");
    static final SigningCredential FITF_ENVELOPE = CA.issueEnvelopeSigner("fitf", "FITF envelope signer",
            KeyAlgorithm.EC_P256);
    static final SigningCredential FITF_SMIME = CA.issueSmime("fitf-shares@agency.example", "FITF mail signer",
            KeyAlgorithm.EC_P256);
    static final SigningCredential SMC = CA.issueReceiptSigner(
            org.fmishare.testkit.SampleData.company().id(), "ExampleSocial trust and safety", KeyAlgorithm.RSA_2048);
    static final EnvelopeSigner SIGNER = EnvelopeSigner.builder(FITF_ENVELOPE, "fitf").build();

    static final TestPki.Authority TLS_CA = TestPki.authority("fmi-share SMTP TLS test CA",
            KeyAlgorithm.EC_P256, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    static final EmailAddress FITF = EmailAddress.parse("fitf-shares@agency.example");
    static final EmailAddress SMC_INBOX = EmailAddress.parse("trust-safety@smc.example");
    static final String MAILER_USER = "fitf-mailer";
    static final String MAILER_PASSWORD = "mailer-secret-8c1f";

    static {
        installGreenMailKeyStore();
    }

    private MailFixture() {}

    static SignedEnvelope share() {
        var share = SampleData.passingShare();
        List<Disclosure> disclosures = DisclosureRenderer.standard().renderShare(share, Format.TEXT).disclosures();
        return SIGNER.sign(new EnvelopeBody.Share(share), new ComplianceSummary(Verdict.PASS, SampleData.RULE_SET_ID, "1.0.0",
                Disclosure.digestOf("report")), disclosures);
    }

    static String recipientId() {
        return SampleData.passingShare().recipient().id();
    }

    /** GreenMail with SMTPS (our localhost certificate) and plain IMAP for the test to fetch with. */
    static GreenMail smtpsAndImap() {
        return smtpsAndImap(0);
    }

    static GreenMail smtpsAndImap(int smtpsPort) {
        ServerSetup smtps = new ServerSetup(smtpsPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS);
        GreenMail gm = new GreenMail(new ServerSetup[] {patient(smtpsPort == 0 ? smtps.dynamicPort() : smtps),
            patient(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort())});
        gm.start();
        gm.setUser(MAILER_USER + "@agency.example", MAILER_USER, MAILER_PASSWORD);
        gm.setUser(SMC_INBOX.address(), SMC_INBOX.address(), "inbox-pw");
        gm.setUser(FITF.address(), FITF.address(), "fitf-pw");
        return gm;
    }

    /** GreenMail's default 2 s start-up limit fails on a loaded machine; tests wait a minute instead. */
    static ServerSetup patient(ServerSetup setup) {
        setup.setServerStartupTimeout(60_000);
        return setup;
    }

    static SmtpSettings smtps(GreenMail gm) {
        return SmtpSettings.builder("localhost", gm.getSmtps().getPort(), SmtpSecurity.SMTPS)
                .credentials(MAILER_USER, MAILER_PASSWORD).trustAnchors(List.of(TLS_CA.certificate()))
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).build();
    }

    static EmailTransport.Builder transport(SmtpSettings settings) {
        return EmailTransport.builder(settings, FITF, FITF_SMIME,
                BodyRenderer.standard());
    }

    /** The office signs its mail with a separate mail certificate; a receiver binds it to the office's id. */
    static final org.fmishare.core.envelope.SenderDirectory MAIL_SIGNERS = org.fmishare.core.envelope.SenderDirectory
            .builder().bind("fitf", org.fmishare.core.envelope.SenderDirectory.PinnedKey.of(FITF_SMIME.certificate()))
            .build();

    static EmailReceiver.Builder receiver() {
        return EmailReceiver.builder().smimeTrustAnchors(List.of(CA.certificate())).senderDirectory(MAIL_SIGNERS)
                .envelopeVerifier(EnvelopeVerifier.builder().trustAnchor(CA.certificate())
                        .expectedRecipient(recipientId()).build());
    }

    /** Fetches every message in a user's INBOX over IMAP, as raw RFC 5322 bytes. */
    static List<byte[]> fetchOverImap(GreenMail gm, String user, String password) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", gm.getImap().getPort(), user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<byte[]> out = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                m.writeTo(bytes);
                out.add(bytes.toByteArray());
            }
            inbox.close(false);
            return out;
        } finally {
            store.close();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void installGreenMailKeyStore() {
        try {
            KeyPair pair = TestPki.generate(KeyAlgorithm.EC_P256);
            SigningCredential ca = TLS_CA.credential();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(TLS_CA.certificate(),
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))),
                    new X500Name("CN=localhost"), pair.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            BouncyCastleProvider bc = new BouncyCastleProvider();
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(bc).getCertificate(b.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(ca.privateKey())));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = "greenmail-test".toCharArray();
            ks.setKeyEntry("greenmail", pair.getPrivate(), pw, new X509Certificate[] {cert, TLS_CA.certificate()});
            Path file = Files.createTempFile("greenmail-tls", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, pw);
            }
            System.setProperty("greenmail.tls.keystore.file", file.toString());
            System.setProperty("greenmail.tls.keystore.password", "greenmail-test");
            System.setProperty("greenmail.tls.key.password", "greenmail-test");
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the GreenMail TLS key store", e);
        }
    }
}
