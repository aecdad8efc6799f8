package no.samhandling.reporting.exports;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class ReportsEmbeddedTest extends ReportsComponentTest {
}
