import CZlib
import Foundation

/// A stored object, deflated against a dictionary of the API's field names, so a record of
/// about 3 KB takes about a third of it on disk. The first byte names the format, so a later
/// dictionary can sit beside this one.
enum PackedJSON {
    static let format: UInt8 = 1

    static func pack(_ json: Data) -> Data {
        var stream = z_stream()
        guard czlib_deflate_init_raw(&stream, 6) == Z_OK else { return Data() }
        defer { deflateEnd(&stream) }
        dictionary.withUnsafeBytes { bytes in
            _ = deflateSetDictionary(&stream, bytes.bindMemory(to: Bytef.self).baseAddress, uInt(bytes.count))
        }
        var out = Data(count: Int(deflateBound(&stream, uLong(json.count))) + 1)
        out[0] = format
        let written: Int = json.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = output.bindMemory(to: Bytef.self).baseAddress! + 1
                stream.avail_out = uInt(output.count - 1)
                return deflate(&stream, Z_FINISH) == Z_STREAM_END ? Int(stream.total_out) : -1
            }
        }
        guard written >= 0 else { return Data() }
        return out.prefix(written + 1)
    }

    /// The object packed in `packed`; nil when it is not one this format reads whole.
    static func unpack(_ packed: Data) -> Data? {
        guard packed.first == format else { return nil }
        var stream = z_stream()
        guard czlib_inflate_init_raw(&stream) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        guard dictionary.withUnsafeBytes({ bytes in
            inflateSetDictionary(&stream, bytes.bindMemory(to: Bytef.self).baseAddress, uInt(bytes.count))
        }) == Z_OK else { return nil }
        var result = Data()
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let body = packed.dropFirst()
        return body.withUnsafeBytes { input -> Data? in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                result.append(contentsOf: chunk[..<(chunk.count - Int(stream.avail_out))])
                switch status {
                case Z_STREAM_END: return result
                case Z_OK where stream.avail_out == 0 || stream.avail_in > 0: continue
                default: return nil
                }
            }
        }
    }

    /// What records are made of, as the API documents them; the most common last, where
    /// deflate reaches it with the shortest distances.
    private static let dictionary = Data(("""
        {"callback_url":null,"conversation_name":"","conversation_url":"https://tavus.daily.co/",\
        "status":"ended","updated_at":"","persona_id":"p","replica_id":"r","created_at":"",\
        "audio_only":false,"memory_stores":null,"document_ids":null,"document_tags":null,\
        "custom_greeting":"","conversational_context":"","participant_left_timeout reached",\
        "participant_absent_timeout reached","max_call_duration reached","end_conversation_endpoint called",\
        "application.perception_analysis","properties":{"analysis":"","application.recording_ready",\
        "properties":{"bucket_name":"","duration":,"s3_key":"/recording.mp4"},\
        "system.shutdown","properties":{"replica_id":"r","shutdown_reason":""},\
        "system.replica_joined","properties":{"replica_id":"r"},\
        "application.transcription_ready","properties":{"replica_id":"r","transcript":[\
        {"content":"","role":"system"},"tool_calls":[{"function":{"arguments":"{\\"","name":""},"id":"call_","type":"function"}]},\
        {"content":"","role":"tool","timestamp":,"tool_call_id":"call_"},\
        {"content":"","duration":,"role":"user","seconds_from_start":,"timestamp":},\
        {"content":"","duration":,"inference_id":"","role":"assistant","seconds_from_start":,"timestamp":},\
        ]},"timestamp":"Z"},{"conversation_id":"","event_type":"","message_type":"system",\
        "message_type":"application","events":[{"conversation_id":"","event_type":"
        """).utf8)
}
