package no.samhandling.arena.membership;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class MembershipContactsEmbeddedTest extends MembershipContactsComponentTest {
}
