package no.samhandling.referral.intake;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class NamedReferralEmbeddedTest extends NamedReferralComponentTest {
}
