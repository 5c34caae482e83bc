package org.fmishare.spring.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.List;
import org.fmishare.core.FmiShareException;
import org.fmishare.core.envelope.SenderDirectory;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.CryptoProviders;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.spring.FmiShareConfigurationException;
import org.fmishare.spring.FmiShareProperties;

/**
 * Reads the files the properties name (keys, PEM certificates, the sender directory); every failure is a
 * {@link FmiShareConfigurationException} naming the property and the file, never a secret.
 */
public final class ConfiguredFiles {
    private ConfiguredFiles() {}

    /**
     * Loads a configured key.
     *
     * @param keys the key settings (validated: one complete source)
     * @param property the property prefix, such as {@code fmishare.keys}
     * @return the credential
     */
    public static SigningCredential credential(FmiShareProperties.Keys keys, String property) {
        if (keys.pkcs12().isPresent()) {
            Path file = path(keys.pkcs12().get(), property + ".pkcs12");
            byte[] bytes = read(file, property + ".pkcs12");
            char[] password = keys.password().orElse("").toCharArray();
            try {
                return keys.alias().isPresent() ? Credentials.fromPkcs12(bytes, password, keys.alias().get())
                        : Credentials.fromPkcs12(bytes, password);
            } catch (FmiShareException | IllegalArgumentException e) {
                throw new FmiShareConfigurationException(property + ".pkcs12", file + ": cannot load the key ("
                        + e.getMessage() + ")", e);
            }
        }
        if (keys.pkcs11Config().isPresent()) {
            return pkcs11(keys, property);
        }
        throw new FmiShareConfigurationException(property, "no key configured: set " + property + ".pkcs12 or "
                + property + ".pkcs11-config", null);
    }

    private static SigningCredential pkcs11(FmiShareProperties.Keys keys, String property) {
        Path config = path(keys.pkcs11Config().get(), property + ".pkcs11-config");
        if (!Files.isRegularFile(config)) {
            throw new FmiShareConfigurationException(property + ".pkcs11-config", config + ": no such file", null);
        }
        char[] pin = keys.pin().orElse("").toCharArray();
        try {
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw new FmiShareConfigurationException(property + ".pkcs11-config",
                        "this Java runtime has no SunPKCS11 provider", null);
            }
            Provider token = base.configure(config.toString());
            KeyStore store = KeyStore.getInstance("PKCS11", token);
            store.load(null, pin);
            CryptoProviders.addKeyProvider(token);
            return Credentials.fromKeyStore(store, keys.alias().orElseThrow(), pin);
        } catch (IOException | GeneralSecurityException | FmiShareException | IllegalArgumentException e) {
            throw new FmiShareConfigurationException(property + ".pkcs11-config", config
                    + ": cannot open the token's key '" + keys.alias().orElse("") + "' (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads the certificates of a PEM file.
     *
     * @param name the PEM file
     * @param property the property naming it
     * @return one or more certificates
     */
    public static List<X509Certificate> certificates(String name, String property) {
        Path file = path(name, property);
        byte[] bytes = read(file, property);
        List<X509Certificate> certificates;
        try {
            certificates = Credentials.certificatesFromPem(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (FmiShareException | IllegalArgumentException e) {
            throw new FmiShareConfigurationException(property, file + ": not PEM certificates (" + e.getMessage()
                    + ")", e);
        }
        if (certificates.isEmpty()) {
            throw new FmiShareConfigurationException(property, file + ": holds no certificate", null);
        }
        return certificates;
    }

    /**
     * Reads a sender directory file.
     *
     * @param name the JSON file
     * @param property the property naming it
     * @return the directory
     */
    public static SenderDirectory senderDirectory(String name, String property) {
        Path file = path(name, property);
        byte[] bytes = read(file, property);
        try {
            return SenderDirectory.fromJson(bytes);
        } catch (FmiShareException | IllegalArgumentException e) {
            throw new FmiShareConfigurationException(property, file + ": not a sender directory (" + e.getMessage()
                    + ")", e);
        }
    }

    /**
     * Reads a configured path.
     *
     * @param name the property's value
     * @param property the property
     * @return the path
     */
    public static Path path(String name, String property) {
        try {
            return Path.of(name.trim());
        } catch (java.nio.file.InvalidPathException e) {
            throw new FmiShareConfigurationException(property, "'" + name + "' is not a file path (" + e.getReason()
                    + ")", e);
        }
    }

    private static byte[] read(Path file, String property) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FmiShareConfigurationException(property, file + ": cannot read (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }
}
