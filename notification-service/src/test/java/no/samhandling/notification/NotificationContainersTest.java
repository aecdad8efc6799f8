package no.samhandling.notification;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class NotificationContainersTest extends NotificationComponentTest {
}
