package no.samhandling.referral.leadership;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class DeviationEmbeddedTest extends DeviationComponentTest {
}
