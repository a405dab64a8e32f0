"""Parses responses Nimbus serialized with botocore's own response parsers (the client oracle for
the protocol output vectors). Reads a JSON list of cases on stdin, writes {key: parsed | {error}} on
stdout. Values are normalised to the vectors' conventions: epoch seconds, blobs as text, special
floats as strings, no ResponseMetadata."""
import base64
import datetime
import json
import math
import sys

from botocore.awsrequest import HeadersDict
from botocore.model import ServiceModel
from botocore.parsers import create_parser


class RawStream:
    def __init__(self, data):
        self._data = data

    def stream(self):
        yield self._data

    def read(self, *args):
        return self._data

    def close(self):
        pass


def normalise(v):
    if isinstance(v, dict):
        return {k: normalise(e) for k, e in v.items() if k != 'ResponseMetadata'}
    if isinstance(v, list):
        return [normalise(e) for e in v]
    if isinstance(v, datetime.datetime):
        return v.timestamp()
    if isinstance(v, (bytes, bytearray)):
        return v.decode('utf-8')
    if isinstance(v, float):
        if math.isnan(v):
            return 'NaN'
        if math.isinf(v):
            return 'Infinity' if v > 0 else '-Infinity'
        return v
    if hasattr(v, 'read') and hasattr(v, 'close'):
        return normalise(v.read())
    if hasattr(v, '__iter__') and not isinstance(v, str) and type(v).__name__ == 'EventStream':
        return [normalise(e) for e in v]
    return v


def parse(case):
    metadata = case['metadata']
    operation = dict(case['operation'])
    if case['protocol'] == 'query' and 'output' in operation:
        # Real query models always name the result wrapper; the test models leave it out.
        output = dict(operation['output'])
        output.setdefault('resultWrapper', operation['name'] + 'Result')
        operation['output'] = output
    model = ServiceModel({'metadata': metadata, 'shapes': case['shapes'], 'operations': {operation['name']: operation}})
    op = model.operation_model(operation['name'])
    body = base64.b64decode(case['body'])
    response = {
        'status_code': case['status'],
        'headers': HeadersDict(case['headers']),
        'body': body,
        'context': {'operation_name': operation['name']},
    }
    output_shape = op.output_shape
    if output_shape is not None and output_shape.serialization.get('payload'):
        payload = output_shape.members.get(output_shape.serialization['payload'])
        if payload is not None and (payload.type_name == 'blob' and payload.serialization.get('streaming') or payload.serialization.get('eventstream') or getattr(payload, 'is_event_stream', False)):
            response['body'] = RawStream(body)
    if output_shape is not None and any(getattr(m, 'serialization', {}).get('eventstream') or m.metadata.get('eventstream') for m in output_shape.members.values()):
        response['body'] = RawStream(body)
    parser = create_parser(case['protocol'])
    parsed = parser.parse(response, output_shape)
    code = case.get('errorCode')
    if code is not None:
        # botocore's client parses a modeled error's members with the error's own shape.
        error_shape = next((s for s in model.error_shapes if s.name == code or s.metadata.get('error', {}).get('code') == code), None)
        if error_shape is not None:
            parsed.update(parser.parse(response, error_shape))
    return normalise(parsed)


def main():
    cases = json.load(sys.stdin)
    out = {}
    for case in cases:
        try:
            out[case['key']] = {'parsed': parse(case)}
        except Exception as e:  # reported per case, compared in the JS test
            out[case['key']] = {'failure': f'{type(e).__name__}: {e}'}
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main()
