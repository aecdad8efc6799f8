package no.samhandling.notification.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SMS adapter for an HTTP gateway in the style of the common Norwegian ones: {@code POST /sms/send} with
 * a JSON body {@code {"sender", "recipient", "text", "reference"}} (the recipient an MSISDN without "+"),
 * authenticated by the {@code X-Api-Key} header, answering {@code {"messageId"}}. 5xx, 408, 429 and
 * network errors are transient; any other 4xx is a permanent refusal (for example an unknown number).
 */
public class HttpSmsGateway implements SmsProvider {

    static final String PATH = "/sms/send";
    static final String API_KEY_HEADER = "X-Api-Key";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI endpoint;
    private final String apiKey;
    private final String sender;
    private final Duration timeout;

    public HttpSmsGateway(URI baseUrl, String apiKey, String sender, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.endpoint = baseUrl.resolve(PATH);
        this.apiKey = apiKey;
        this.sender = sender;
        this.timeout = timeout;
    }

    @Override
    public String send(String msisdn, String text, String reference) {
        ObjectNode body = JSON.createObjectNode()
                .put("sender", sender)
                .put("recipient", normalise(msisdn))
                .put("text", text)
                .put("reference", reference);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(API_KEY_HEADER, apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientDeliveryFailure("SMS gateway unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDeliveryFailure("Interrupted while calling the SMS gateway", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            JsonNode answer = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return answer.path("messageId").asString(reference);
        }
        // The gateway's error text may quote the number, so only the status is kept.
        if (status >= 500 || status == 408 || status == 429) {
            throw new TransientDeliveryFailure("SMS gateway answered " + status, null);
        }
        if (status == 401 || status == 403) {
            throw new PermanentDeliveryFailure("PROVIDER_REJECTED", "SMS gateway refused our credentials (" + status + ")", null);
        }
        throw new PermanentDeliveryFailure("RECIPIENT_UNREACHABLE", "SMS gateway refused the message (" + status + ")", null);
    }

    /** E.164 with libphonenumber, sent as the gateways want it: country code and number, no "+". */
    static String normalise(String msisdn) {
        PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber number = numbers.parse(msisdn, "NO");
            if (!numbers.isValidNumber(number)) {
                throw new PermanentDeliveryFailure("INVALID_ADDRESS", "Not a valid phone number", null);
            }
            return numbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164).substring(1);
        } catch (NumberParseException e) {
            throw new PermanentDeliveryFailure("INVALID_ADDRESS", "Not a phone number", e);
        }
    }
}
