package no.samhandling.referral.leadership;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class DeviationContainersTest extends DeviationComponentTest {
}
