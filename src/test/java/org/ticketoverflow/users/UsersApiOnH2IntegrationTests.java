package org.ticketoverflow.users;

import org.ticketoverflow.support.OnH2;

@OnH2
class UsersApiOnH2IntegrationTests extends UsersApiScenarios {}
