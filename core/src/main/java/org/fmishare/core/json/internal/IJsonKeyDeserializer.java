package org.fmishare.core.json.internal;

import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;

/**
 * Reads every string map key and refuses a lone surrogate, the rule {@link IJsonStringDeserializer} applies to string
 * values: a key is a string too, and signing canonicalises it with the same I-JSON rules. Not API.
 */
public final class IJsonKeyDeserializer extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) {
        int bad = IJsonStringDeserializer.loneSurrogate(key);
        if (bad >= 0) {
            return ctxt.handleWeirdKey(String.class, key, IJsonStringDeserializer.LONE_SURROGATE + bad);
        }
        return key;
    }
}
