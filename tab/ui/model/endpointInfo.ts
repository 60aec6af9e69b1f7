// What the tab shows about one endpoint: its network (connection, Wi-Fi, VPN, transport, relay,
// event ratios), its device (microphone, speaker and the event ratios diagnosis/ reads) and its
// client. Ratios with a threshold are classed like stream metrics. No IP or MAC address is shown.
import type { ThresholdKey, Thresholds } from '../../../diagnosis/index.js';
import { num, str, type Json } from './json.js';
import { valueCell, type MetricCell, type Unit } from './streamMetrics.js';
import type { EndpointView } from './timeline.js';

export interface TextFact {
  readonly label: string;
  readonly text: string;
}

export interface EndpointFacts {
  readonly network: readonly (TextFact | MetricCell)[];
  readonly device: readonly (TextFact | MetricCell)[];
  readonly client: readonly TextFact[];
}

const CONNECTION: Readonly<Record<string, string>> = { wired: 'Wired', wifi: 'Wi-Fi', mobile: 'Mobile data', tunnel: 'VPN tunnel', unknown: 'Unknown' };
const BAND: Readonly<Record<string, string>> = { frequency24GHz: '2.4 GHz', frequency50GHz: '5 GHz', frequency60GHz: '6 GHz', unknown: 'unknown band' };

export function isMetric(fact: TextFact | MetricCell): fact is MetricCell {
  return 'cls' in fact;
}

function text(label: string, value: string | null): TextFact[] {
  return value ? [{ label, text: value }] : [];
}

function ratio(json: Json | null, field: string, label: string, key: ThresholdKey | null, thresholds: Thresholds, unit: Unit = 'fraction'): MetricCell[] {
  const value = num(json?.[field]);
  return value === null ? [] : [valueCell(field, label, value, unit, key, thresholds)];
}

export function endpointFacts(endpoint: EndpointView, thresholds: Thresholds): EndpointFacts {
  const agent = endpoint.agent;
  const n = endpoint.network;
  const d = endpoint.device;
  const connection = str(n?.connectionType);
  const transport = str(n?.networkTransportProtocol);
  const network = [
    ...text('Connection', connection ? (CONNECTION[connection] ?? connection) : null),
    ...text('VPN', connection ? (connection === 'tunnel' ? 'Yes' : 'No') : null),
    ...text('Wi-Fi band', str(n?.wifiBand) ? (BAND[str(n?.wifiBand)!] ?? str(n?.wifiBand)) : null),
    ...text('Wi-Fi channel', num(n?.wifiChannel) !== null ? String(num(n?.wifiChannel)) : null),
    ...ratio(n, 'wifiSignalStrength', 'Wi-Fi signal', 'network.wifiSignalPercent', thresholds, 'percent'),
    ...text('Transport', transport ? transport.toUpperCase() : null),
    ...text('Media relay', n ? (str(n.relayIPAddress) ? 'Yes' : 'No') : null),
    ...ratio(n, 'bandwidthLowEventRatio', 'Low bandwidth events', 'network.bandwidthLowRatio', thresholds),
    ...ratio(n, 'delayEventRatio', 'Delay events', 'network.delayRatio', thresholds),
  ];
  const device = [
    ...text('Microphone', str(d?.captureDeviceName)),
    ...text('Speaker', str(d?.renderDeviceName)),
    ...ratio(d, 'captureNotFunctioningEventRatio', 'Microphone not working', 'device.notFunctioningRatio', thresholds),
    ...ratio(d, 'renderNotFunctioningEventRatio', 'Speaker not working', 'device.notFunctioningRatio', thresholds),
    ...ratio(d, 'renderMuteEventRatio', 'Speaker muted', 'device.speakerMutedRatio', thresholds),
    ...ratio(d, 'renderZeroVolumeEventRatio', 'Speaker at zero volume', 'device.speakerMutedRatio', thresholds),
    ...ratio(d, 'cpuInsufficentEventRatio', 'CPU insufficient', 'device.cpuInsufficientRatio', thresholds),
    ...ratio(d, 'deviceGlitchEventRatio', 'Device glitches', 'device.glitchRatio', thresholds),
    ...ratio(d, 'lowSpeechLevelEventRatio', 'Low speech level', 'device.lowSpeechRatio', thresholds),
    ...ratio(d, 'deviceClippingEventRatio', 'Microphone clipping', 'device.clippingRatio', thresholds),
  ];
  const howling = num(d?.howlingEventCount);
  if (howling !== null) device.push(valueCell('howlingEventCount', 'Howling events', howling, 'count', 'device.howlingEvents', thresholds));
  const client = [
    ...text('Platform', endpoint.platform),
    ...text('Client', endpoint.product),
    ...text('Version', str(agent?.applicationVersion)),
  ];
  return { network, device, client };
}
