package org.ticketoverflow.users;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class UsersApiOnPostgresIntegrationTests extends UsersApiScenarios {}
