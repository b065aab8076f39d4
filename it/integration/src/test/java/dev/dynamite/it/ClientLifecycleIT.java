package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Table;
import dev.dynamite.it.SyncModels.Order;
import dev.dynamite.it.SyncModels.Profile;
import dev.dynamite.it.SyncModels.Project;
import dev.dynamite.it.SyncModels.User;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import org.junit.jupiter.api.Test;

/**
 * The client's life cycle against the real server: a client of the test's own, built from an injected configuration,
 * since the fixture's client is already connected and synced.
 */
@DynamiteTest(backend = Backend.ENDPOINT, models = Profile.class)
class ClientLifecycleIT {

    @Test
    void isReadyOnlyAfterConnectAndSync(DynamiteConfig.Builder config) {
        Dynamite dynamite = new Dynamite(config.tables(User.class, Order.class, Profile.class, Project.class).build());
        assertThat(dynamite.isReady()).isFalse();

        dynamite.connect();
        assertThat(dynamite.isReady()).isFalse();
        assertThat(Dynamite.getGlobalClient()).isSameAs(dynamite.getClient());

        dynamite.sync();
        assertThat(dynamite.isReady()).isTrue();
        assertThat(Table.model(User.class).tableName()).isEqualTo(dynamite.config().tablePrefix() + "users");
        assertThat(dynamite.getClient().describeTable(b -> b.tableName(Table.model(Order.class).tableName()))
                .table().globalSecondaryIndexes()).hasSize(1);

        dynamite.disconnect();
        assertThat(dynamite.isReady()).isFalse();
        assertThat(Dynamite.hasGlobalClient()).isFalse();
        dynamite.disconnect();
        assertThat(Dynamite.hasGlobalClient()).isFalse();

        dynamite.connect();
        dynamite.sync();
        assertThat(dynamite.isReady()).isTrue();
        dynamite.disconnect();
    }
}
