package no.samhandling.referral.intake;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class NamedReferralContainersTest extends NamedReferralComponentTest {
}
