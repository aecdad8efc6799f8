package no.samhandling.referral.deviations;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class DeviationContainersTest extends DeviationComponentTest {
}
