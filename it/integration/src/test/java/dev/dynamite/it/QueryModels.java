package dev.dynamite.it;

import dev.dynamite.Table;
import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.NonAttribute;
import dev.dynamite.annotation.PrimaryKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Models of the query tests: mixed types, an index made by a relation, a composite key, awkward names. */
final class QueryModels {
    private QueryModels() {
    }

    public static final class Person extends Table<Person> {
        @PrimaryKey public String id;
        public String name;
        public Integer age;
        public Double score;
        public Instant born;
        public Set<String> tags;
        public List<String> nicknames;
        public Boolean active;
        @Name("status") public String state;
        public String teamId;
        @Name("display name") public String displayName;
        @NonAttribute public String note;
        @DeleteAt public String deletedAt;
    }

    public static final class Team extends Table<Team> {
        @PrimaryKey public String id;
        public String name;
        @HasMany(model = Person.class, foreignKey = "teamId") public List<Person> members;
    }

    public static final class Reading extends Table<Reading> {
        @Index public String sensor;
        @IndexSort public String at;
        public double value;
        public String payload;
    }

    /** Not synced: its table is made by hand with a KEYS_ONLY index, which sync never makes. */
    public static final class Ticket extends Table<Ticket> {
        @PrimaryKey public String id;
        public String queue;
        public String title;
        public int priority;
    }

    static final Class<?>[] ALL = {Person.class, Team.class, Reading.class};
}
