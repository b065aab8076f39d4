package dev.dynamite.it;

import dev.dynamite.it.QueryModels.Person;
import dev.dynamite.it.QueryModels.Reading;
import dev.dynamite.it.QueryModels.Team;

/** The query suite on the class models of {@link QueryModels}. */
abstract class ClassQueryContract extends QueryContract<Person, Reading> {
    ClassQueryContract() {
        super(Person.class, Reading.class, Team.class);
    }
}
