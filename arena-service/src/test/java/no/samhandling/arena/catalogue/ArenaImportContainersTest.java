package no.samhandling.arena.catalogue;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class ArenaImportContainersTest extends ArenaImportComponentTest {
}
