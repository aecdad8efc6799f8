package no.samhandling.consent;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class ConsentEmbeddedTest extends ConsentComponentTest {
}
