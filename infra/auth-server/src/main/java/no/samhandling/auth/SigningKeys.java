package no.samhandling.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RS256 signing key. Persisted as a private JWK when a key file is configured so that tokens and the JWKS
 * that services have cached stay valid across restarts. Only the path and kid are ever logged.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int KEY_SIZE = 2048;

    private SigningKeys() {
    }

    static RSAKey loadOrCreate(Path keyFile) {
        if (keyFile == null) {
            RSAKey key = generate();
            log.info("Generated in-memory signing key kid={}; tokens will not survive a restart", key.getKeyID());
            return key;
        }
        if (Files.exists(keyFile)) {
            RSAKey key = read(keyFile);
            log.info("Loaded signing key kid={} from {}", key.getKeyID(), keyFile);
            return key;
        }
        RSAKey key = generate();
        write(keyFile, key);
        log.info("Generated signing key kid={} and stored it in {}", key.getKeyID(), keyFile);
        return key;
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate RSA signing key", e);
        }
    }

    private static RSAKey read(Path keyFile) {
        JWK jwk;
        try {
            jwk = JWK.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read signing key file " + keyFile, e);
        } catch (ParseException e) {
            // The parser message may quote the file content, so it is deliberately not chained.
            throw new IllegalStateException("Signing key file " + keyFile + " is not a valid JWK");
        }
        if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate() || rsa.size() < KEY_SIZE || rsa.getKeyID() == null) {
            throw new IllegalStateException(
                    "Signing key file " + keyFile + " must hold a private RSA JWK of at least 2048 bits with a kid");
        }
        return rsa;
    }

    private static void write(Path keyFile, RSAKey key) {
        try {
            Path dir = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Write to an owner-only temp file, then rename, so the key is never readable by others or half-written.
            Path tmp = posix(dir)
                    ? Files.createTempFile(dir, ".signing-key", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".signing-key", ".tmp");
            try {
                Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
                Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write signing key file " + keyFile, e);
        }
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
