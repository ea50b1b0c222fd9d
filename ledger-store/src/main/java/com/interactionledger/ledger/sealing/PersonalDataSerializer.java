package com.interactionledger.ledger.sealing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.interactionledger.contracts.common.CustomerScoped;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * The ledger's event serializer with personal data sealed per customer: on the way into the store every
 * {@link PersonalData} field of a customer's event is replaced by {@code pd1:<key id>:<base64 nonce+ciphertext>},
 * encrypted with that customer's key; on the way out it is decrypted again, or, once the key is destroyed, read as
 * {@link #ERASED}. Everything else is the {@link JacksonSerializer}'s stored form, unchanged.
 * <p>
 * Because the store holds the ciphertext, the hash chain covers the ciphertext: destroying a key changes no stored
 * byte, and the ledger still verifies after an erasure.
 */
public final class PersonalDataSerializer implements Serializer {

    /** What a personal field reads as once its customer was erased. */
    public static final String ERASED = "[erased]";

    static final String PREFIX = "pd1:";

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final CustomerKeys keys;

    public PersonalDataSerializer(JacksonSerializer delegate, CustomerKeys keys) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.keys = keys;
    }

    /** Whether {@link #serialize} seals some of this payload's fields with its customer's key. */
    public static boolean seals(Object payload) {
        return payload instanceof CustomerScoped scoped && scoped.customerId() != null
                && !PersonalFields.of(payload.getClass()).isEmpty();
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalFields fields = object == null ? null : PersonalFields.of(object.getClass());
        if (fields == null || fields.isEmpty() || !(object instanceof CustomerScoped scoped)
                || scoped.customerId() == null) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = mapper.valueToTree(object);
        CustomerKeys.Key key = keys.forWriting(scoped.customerId().value());
        seal(tree, fields, key, "");
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + object.getClass().getName(), e);
        }
        return new SimpleSerializedObject<>(getConverter().convert(bytes, byte[].class, expectedRepresentation),
                expectedRepresentation, typeForClass(object.getClass()));
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (SerializedType.emptyType().equals(serializedObject.getType())) {
            return delegate.deserialize(serializedObject);
        }
        Class<?> type = classForType(serializedObject.getType());
        PersonalFields fields = type == UnknownSerializedType.class ? null : PersonalFields.of(type);
        if (fields == null || fields.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                JsonNode.class).deepCopy();
        if (tree instanceof ObjectNode object) {
            open(object, fields, "");
        }
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    /**
     * A stored payload tree of the given type with its personal fields readable (or {@link #ERASED}); the tree is
     * changed in place. Fields are found by the type's current shape: a personal field renamed in a later revision
     * needs its upcaster applied first.
     */
    public JsonNode open(String payloadType, JsonNode tree) {
        Class<?> type;
        try {
            type = Class.forName(payloadType);
        } catch (ClassNotFoundException e) {
            return tree;
        }
        PersonalFields fields = PersonalFields.of(type);
        if (!fields.isEmpty() && tree instanceof ObjectNode object) {
            open(object, fields, "");
        }
        return tree;
    }

    private void seal(ObjectNode node, PersonalFields fields, CustomerKeys.Key key, String path) {
        fields.rewrite(node, path, (value, where) -> {
            byte[] sealed = AesGcm.encrypt(key.secret(), value.getBytes(StandardCharsets.UTF_8),
                    associatedData(key.id(), where));
            return PREFIX + key.id() + ":" + Base64.getEncoder().encodeToString(sealed);
        });
    }

    private void open(ObjectNode node, PersonalFields fields, String path) {
        fields.rewrite(node, path, (value, where) -> {
            if (!value.startsWith(PREFIX)) {
                // Stored before personal data was sealed (or written by a test directly): it is what it says.
                return value;
            }
            int colon = value.indexOf(':', PREFIX.length());
            if (colon < 0) {
                throw new IllegalStateException("malformed sealed field " + where);
            }
            String keyId = value.substring(PREFIX.length(), colon);
            Optional<SecretKey> key = keys.forReading(keyId);
            if (key.isEmpty()) {
                return ERASED;
            }
            byte[] plain = AesGcm.decrypt(key.get(), Base64.getDecoder().decode(value.substring(colon + 1)),
                    associatedData(keyId, where));
            return new String(plain, StandardCharsets.UTF_8);
        });
    }

    /** A sealed value moved to another field (or sealed under another key id) does not open. */
    private static String associatedData(String keyId, String path) {
        return keyId + "|" + path;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
