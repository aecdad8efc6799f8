package no.samhandling.referral.intake;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class LifecycleContainersTest extends LifecycleComponentTest {
}
