import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** What a lighting controller says of a circuit (trạng thái lộ chiếu sáng). */
export enum LightingState {
  ON = 'ON',
  OFF = 'OFF',
  FAULT = 'FAULT',
}
registerEnumType(LightingState, {
  name: 'LightingState',
  description: 'What a lighting controller reports of a circuit (trạng thái lộ chiếu sáng)',
  valuesConfig: {
    ON: { description: 'Lit (đang sáng)' },
    OFF: { description: 'Switched off by schedule (tắt theo lịch)' },
    FAULT: { description: 'The controller reports a fault: tripped breaker, no supply (sự cố)' },
  },
});

/** What an urban-order inspection found (loại vi phạm trật tự đô thị). */
export enum InspectionKind {
  SIDEWALK_ENCROACHMENT = 'SIDEWALK_ENCROACHMENT',
  ILLEGAL_CONSTRUCTION = 'ILLEGAL_CONSTRUCTION',
  ILLEGAL_DUMPING = 'ILLEGAL_DUMPING',
}
registerEnumType(InspectionKind, {
  name: 'InspectionKind',
  description: 'What an urban-order inspection found (loại vi phạm trật tự đô thị)',
  valuesConfig: {
    SIDEWALK_ENCROACHMENT: { description: 'Sidewalk and roadway encroachment (lấn chiếm vỉa hè, lòng đường)' },
    ILLEGAL_CONSTRUCTION: { description: 'Construction without or against a permit (xây dựng không phép, sai phép)' },
    ILLEGAL_DUMPING: { description: 'Illegal dumping of waste or rubble (đổ trộm rác thải, xà bần)' },
  },
});

/** Each inspection kind's names and the incidents category its alert is filed under. */
export const INSPECTION_KINDS: Record<InspectionKind, { nameVi: string; nameEn: string; categoryCode: string }> = {
  SIDEWALK_ENCROACHMENT: {
    nameVi: 'Lấn chiếm vỉa hè, lòng đường',
    nameEn: 'Sidewalk and roadway encroachment',
    categoryCode: 'URB_SIDEWALK_ENCROACHMENT',
  },
  ILLEGAL_CONSTRUCTION: {
    nameVi: 'Xây dựng không phép, sai phép',
    nameEn: 'Construction without or against a permit',
    categoryCode: 'URB_ILLEGAL_CONSTRUCTION',
  },
  ILLEGAL_DUMPING: {
    nameVi: 'Đổ trộm rác thải, xà bần',
    nameEn: 'Illegal dumping of waste or rubble',
    categoryCode: 'ENV_ILLEGAL_DUMPING',
  },
};

/** An inspection kind with its names, for pickers in the field app. */
@ObjectType({ description: 'An inspection kind with its Vietnamese and English names and the category of its alerts. Public' })
export class InspectionKindInfo {
  @Field(() => InspectionKind, { description: 'The kind' })
  kind!: InspectionKind;

  @Field({ description: 'Name in Vietnamese' })
  nameVi!: string;

  @Field({ description: 'Name in English' })
  nameEn!: string;

  @Field({ description: 'The incidents category of the alert it raises when reported to the center' })
  categoryCode!: string;
}

/** Where an inspection record stands. */
export enum InspectionStatus {
  OPEN = 'OPEN',
  REMEDIED = 'REMEDIED',
}
registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  description: 'Where an inspection record stands (tình trạng xử lý vi phạm)',
  valuesConfig: {
    OPEN: { description: 'The violation stands (chưa khắc phục)' },
    REMEDIED: { description: 'Found remedied at a later visit (đã khắc phục)' },
  },
});

/** How a collection point's visit was known. */
export enum CollectionMethod {
  GPS = 'GPS',
  RECORD = 'RECORD',
}
registerEnumType(CollectionMethod, {
  name: 'CollectionMethod',
  description: 'How a collection was known (cách ghi nhận thu gom)',
  valuesConfig: {
    GPS: { description: 'A truck’s GPS ping came within the point’s radius (theo GPS xe)' },
    RECORD: { description: 'Recorded by staff (ghi nhận thủ công)' },
  },
});

export { SeriesBucket as Bucket, Severity } from '@ioc-graph/platform';
