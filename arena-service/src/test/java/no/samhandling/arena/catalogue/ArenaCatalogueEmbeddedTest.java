package no.samhandling.arena.catalogue;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class ArenaCatalogueEmbeddedTest extends ArenaCatalogueComponentTest {
}
