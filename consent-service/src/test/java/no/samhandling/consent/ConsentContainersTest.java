package no.samhandling.consent;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class ConsentContainersTest extends ConsentComponentTest {
}
