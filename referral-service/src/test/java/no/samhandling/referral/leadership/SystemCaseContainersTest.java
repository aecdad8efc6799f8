package no.samhandling.referral.leadership;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class SystemCaseContainersTest extends SystemCaseComponentTest {
}
