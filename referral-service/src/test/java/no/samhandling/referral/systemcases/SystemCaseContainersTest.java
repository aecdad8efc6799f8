package no.samhandling.referral.systemcases;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class SystemCaseContainersTest extends SystemCaseComponentTest {
}
