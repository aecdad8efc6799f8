package no.samhandling.reporting.figures;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class ReleasesEmbeddedTest extends ReleasesComponentTest {
}
