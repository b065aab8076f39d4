package dev.dynamite;

import dev.dynamite.annotation.PrimaryKey;

/** Models of the core's unit tests, which configure clients but never reach a server's tables. */
final class TestModels {
    private TestModels() {
    }

    static final class User extends Table<User> {
        @PrimaryKey public String id;
        public String name;
    }

    /** Keyed by its owner's id. */
    static final class Profile extends Table<Profile> {
        @PrimaryKey public String userId;
        public String bio;
    }
}
