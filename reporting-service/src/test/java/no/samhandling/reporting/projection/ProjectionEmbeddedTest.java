package no.samhandling.reporting.projection;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class ProjectionEmbeddedTest extends ProjectionComponentTest {
}
