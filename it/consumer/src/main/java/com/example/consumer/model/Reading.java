package com.example.consumer.model;

import com.example.consumer.codec.Temperature;
import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.CreatedAt;
import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.api.UlidGenerator;

/** A sensor reading: a model in a package opened to Dynamite. */
public class Reading extends Table<Reading> {
    public static final Model<Reading> model = Table.model(Reading.class);

    @PrimaryKey @Default(generator = UlidGenerator.class) public String id;
    public String sensor;
    public Temperature temperature;
    @CreatedAt public String createdAt;
}
