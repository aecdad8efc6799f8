package no.samhandling.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two real server starts on one key file, as the local runtime does across restarts. */
class SigningKeyFileTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void keyFileIsCreatedOwnerOnlyAndReusedSoTokensSurviveARestart(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("auth/signing-key.jwk");

        Run first = run(keyFile);
        assertThat(keyFile).exists();
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
        Run second = run(keyFile);

        assertThat(second.kid()).isEqualTo(first.kid());
        SignedJWT tokenFromFirstRun = SignedJWT.parse(first.token());
        assertThat(tokenFromFirstRun.verify(new RSASSAVerifier(second.key()))).isTrue();
    }

    @Test
    void unreadableKeyFileStopsStartupWithoutEchoingItsContent(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("broken.jwk");
        Files.writeString(keyFile, "not-a-jwk-secret-material");

        assertThatIllegalStateException()
                .isThrownBy(() -> SigningKeys.loadOrCreate(keyFile))
                .withMessageNotContaining("secret-material")
                .withNoCause();
    }

    private Run run(Path keyFile) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthServerApplication.class)
                .run("--server.port=0", "--samhandling.auth.key-file=" + keyFile)) {
            String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();

            JWKSet jwks = JWKSet.parse(send(HttpRequest.newBuilder(URI.create(base + "/oauth2/jwks")).build()));
            RSAKey key = (RSAKey) jwks.getKeys().getFirst();

            String basic = Base64.getEncoder().encodeToString("demo-coordinator:demo".getBytes(StandardCharsets.UTF_8));
            String body = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build());
            return new Run(key.getKeyID(), key, (String) JSONObjectUtils.parse(body).get("access_token"));
        }
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(200);
        return response.body();
    }

    private record Run(String kid, RSAKey key, String token) {
    }
}
