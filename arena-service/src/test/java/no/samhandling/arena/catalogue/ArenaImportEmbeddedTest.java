package no.samhandling.arena.catalogue;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class ArenaImportEmbeddedTest extends ArenaImportComponentTest {
}
