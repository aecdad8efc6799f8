package no.samhandling.notification;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class NotificationEmbeddedTest extends NotificationComponentTest {
}
