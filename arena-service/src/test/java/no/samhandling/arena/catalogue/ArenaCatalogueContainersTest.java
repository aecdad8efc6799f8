package no.samhandling.arena.catalogue;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class ArenaCatalogueContainersTest extends ArenaCatalogueComponentTest {
}
