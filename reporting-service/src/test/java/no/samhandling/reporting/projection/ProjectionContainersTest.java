package no.samhandling.reporting.projection;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class ProjectionContainersTest extends ProjectionComponentTest {
}
