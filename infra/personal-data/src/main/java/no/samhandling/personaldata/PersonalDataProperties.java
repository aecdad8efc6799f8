package no.samhandling.personaldata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code samhandling.personal-data.master-key}: base64 of the 32-byte master key that wraps every
 * subject key of this service. Required; the service does not start without it.
 */
@ConfigurationProperties("samhandling.personal-data")
public class PersonalDataProperties {

    private String masterKey;

    public String getMasterKey() {
        return masterKey;
    }

    public void setMasterKey(String masterKey) {
        this.masterKey = masterKey;
    }

    @Override
    public String toString() {
        return "PersonalDataProperties[masterKey=" + (masterKey == null ? "unset" : "redacted") + "]";
    }
}
