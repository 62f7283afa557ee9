import { localDateTimeWithOffset } from '@ioc-graph/platform';
import {
  CAP_CATEGORY,
  CAP_CERTAINTY,
  CAP_MSG_TYPE,
  CAP_RESPONSE_TYPE,
  CAP_SEVERITY,
  CAP_STATUS,
  CAP_URGENCY,
  type CapCategoryValue,
  type CapCertaintyValue,
  type CapMsgTypeValue,
  type CapResponseTypeValue,
  type CapSeverityValue,
  type CapStatusValue,
  type CapUrgencyValue,
} from './capVocabulary';
import { element, wrap, XML_DECLARATION } from './xml';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
export const CAP_MEDIA_TYPE = 'application/cap+xml';
/** The CAP geocode valueName under which the units' national codes are given. */
export const CAP_GEOCODE_NAME = 'VN-ADMIN-CODE';

/** What a public warning said when a message was sent: the graph's `PublicWarningContent`. */
export interface CapWarningContent {
  status: CapStatusValue;
  eventVi: string;
  eventEn: string;
  category: CapCategoryValue;
  severity: CapSeverityValue;
  urgency: CapUrgencyValue;
  certainty: CapCertaintyValue;
  responseType: CapResponseTypeValue | null;
  headlineVi: string;
  headlineEn: string;
  descriptionVi: string;
  descriptionEn: string;
  instructionVi: string | null;
  instructionEn: string | null;
  /** ISO 8601 instants. */
  onset: string | null;
  expires: string;
  areaDescVi: string;
  areaDescEn: string;
  units: { code: string }[];
  circle: { latitude: number; longitude: number; radiusKm: number } | null;
  polygon: { latitude: number; longitude: number }[] | null;
}

/** A CAP message of a public warning, as the graph's `PublicWarningMessage` gives it. */
export interface CapWarningMessage {
  identifier: string;
  sender: string;
  /** ISO 8601 instant. */
  sent: string;
  msgType: CapMsgTypeValue;
  /** Already in CAP's form: "sender,identifier,sent" of each earlier message, space separated. */
  references: string | null;
  note: string | null;
  content: CapWarningContent;
}

/** What a message does not carry and the hub says about itself. */
export interface CapRenderOptions {
  /** `senderName` of the Vietnamese info. @default 'Trung tâm Giám sát, điều hành thông minh tỉnh Bình Phước' */
  senderNameVi?: string;
  /** `senderName` of the English info. @default 'Binh Phuoc Intelligent Operations Center' */
  senderNameEn?: string;
  /** `web`: the portal page where the public reads the warning. @default none (the element is left out) */
  web?: string;
}

const DEFAULT_SENDER_NAME_VI = 'Trung tâm Giám sát, điều hành thông minh tỉnh Bình Phước';
const DEFAULT_SENDER_NAME_EN = 'Binh Phuoc Intelligent Operations Center';

/** A CAP date-time: the province's local time with its offset, as CAP 1.2 §3.3.2 writes it. */
export const capDateTime = (iso: string): string => localDateTimeWithOffset(new Date(iso));

const point = (p: { latitude: number; longitude: number }) => `${p.latitude},${p.longitude}`;

function area(content: CapWarningContent, language: 'vi' | 'en'): string {
  return wrap('area', [
    element('areaDesc', language === 'vi' ? content.areaDescVi : content.areaDescEn),
    content.polygon?.length ? element('polygon', content.polygon.map(point).join(' ')) : '',
    content.circle ? element('circle', `${point(content.circle)} ${content.circle.radiusKm}`) : '',
    ...content.units.map((unit) => wrap('geocode', [element('valueName', CAP_GEOCODE_NAME), element('value', unit.code)])),
  ]);
}

function info(content: CapWarningContent, language: 'vi' | 'en', options: CapRenderOptions): string {
  const vi = language === 'vi';
  return wrap('info', [
    element('language', vi ? 'vi-VN' : 'en-US'),
    element('category', CAP_CATEGORY[content.category]),
    element('event', vi ? content.eventVi : content.eventEn),
    content.responseType ? element('responseType', CAP_RESPONSE_TYPE[content.responseType]) : '',
    element('urgency', CAP_URGENCY[content.urgency]),
    element('severity', CAP_SEVERITY[content.severity]),
    element('certainty', CAP_CERTAINTY[content.certainty]),
    content.onset ? element('onset', capDateTime(content.onset)) : '',
    element('expires', capDateTime(content.expires)),
    element('senderName', vi ? (options.senderNameVi ?? DEFAULT_SENDER_NAME_VI) : (options.senderNameEn ?? DEFAULT_SENDER_NAME_EN)),
    element('headline', vi ? content.headlineVi : content.headlineEn),
    element('description', vi ? content.descriptionVi : content.descriptionEn),
    element('instruction', vi ? content.instructionVi : content.instructionEn),
    element('web', options.web),
    area(content, language),
  ]);
}

/**
 * A public warning's CAP 1.2 message as an XML document: the elements in the order of the CAP 1.2
 * schema, one `info` per language (vi-VN, then en-US), each with one `area`. Pure: the same message
 * renders the same bytes, today or in a year (its content is the snapshot taken when it was sent).
 */
export function renderCapMessage(message: CapWarningMessage, options: CapRenderOptions = {}): string {
  const { content } = message;
  return (
    XML_DECLARATION +
    wrap(
      'alert',
      [
        element('identifier', message.identifier),
        element('sender', message.sender),
        element('sent', capDateTime(message.sent)),
        element('status', CAP_STATUS[content.status]),
        element('msgType', CAP_MSG_TYPE[message.msgType]),
        element('scope', 'Public'),
        element('note', message.note),
        element('references', message.references),
        info(content, 'vi', options),
        info(content, 'en', options),
      ],
      ` xmlns="${CAP_NAMESPACE}"`,
    )
  );
}
