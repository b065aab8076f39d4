/** A user's application module: it reads Dynamite, opens its models to it, and brings a codec of its own. */
module com.example.consumer {
    requires dev.dynamite.core;
    requires dev.dynamite.local;

    exports com.example.consumer.codec;
    exports com.example.consumer.quickstart;
    exports com.example.consumer.records;

    opens com.example.consumer.model to dev.dynamite.core;
    opens com.example.consumer.quickstart to dev.dynamite.core;

    provides dev.dynamite.spi.CodecProvider with com.example.consumer.codec.TemperatureCodecProvider;
}
