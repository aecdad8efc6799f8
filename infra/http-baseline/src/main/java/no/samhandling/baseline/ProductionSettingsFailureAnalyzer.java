package no.samhandling.baseline;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Puts the refused settings at the top of the start-up failure, instead of a stack trace. */
class ProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<ProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set each of them to this installation's own value (README, Configuration), or start without the "
                        + "'" + ProductionSettings.PROFILE + "' profile for a local demo.", cause);
    }
}
