package no.samhandling.referral.deviations;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class DeviationEmbeddedTest extends DeviationComponentTest {
}
