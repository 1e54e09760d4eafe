import type { CaseKind } from '../modules/cases';
import type { Role } from '../modules/users/user.entity';

/** The standard divisions of a Thai municipality (SPEC §5). */
export const DEPARTMENTS = [
  { code: 'office', nameTh: 'สำนักปลัด', nameEn: 'Office of the Municipal Clerk' },
  { code: 'finance', nameTh: 'กองคลัง', nameEn: 'Finance Division' },
  { code: 'works', nameTh: 'กองช่าง', nameEn: 'Public Works Division' },
  { code: 'health', nameTh: 'กองสาธารณสุขและสิ่งแวดล้อม', nameEn: 'Public Health and Environment Division' },
  { code: 'education', nameTh: 'กองการศึกษา', nameEn: 'Education Division' },
] as const;

type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];

export const CATEGORIES: ReadonlyArray<{
  code: string;
  kind: CaseKind;
  nameTh: string;
  nameEn: string;
  department: DepartmentCode | null;
}> = [
  { code: 'roads', kind: 'general', nameTh: 'ถนน ทางเท้า สะพาน', nameEn: 'Roads, footpaths and bridges', department: 'works' },
  { code: 'street_lights', kind: 'general', nameTh: 'ไฟฟ้าสาธารณะ', nameEn: 'Street lights', department: 'works' },
  { code: 'drainage', kind: 'general', nameTh: 'ท่อระบายน้ำ น้ำท่วมขัง', nameEn: 'Drains and flooding', department: 'works' },
  { code: 'water_supply', kind: 'general', nameTh: 'น้ำประปา', nameEn: 'Water supply', department: 'works' },
  { code: 'building', kind: 'general', nameTh: 'อาคารและการก่อสร้าง', nameEn: 'Buildings and construction', department: 'works' },
  { code: 'waste', kind: 'general', nameTh: 'ขยะมูลฝอยและความสะอาด', nameEn: 'Waste and cleanliness', department: 'health' },
  { code: 'nuisance', kind: 'general', nameTh: 'เหตุเดือดร้อนรำคาญ (เสียง กลิ่น ควัน ฝุ่น)', nameEn: 'Nuisance (noise, smell, smoke, dust)', department: 'health' },
  { code: 'animals', kind: 'general', nameTh: 'สัตว์จรจัดและโรคติดต่อจากสัตว์', nameEn: 'Stray animals and zoonoses', department: 'health' },
  { code: 'taxes_fees', kind: 'general', nameTh: 'ภาษีและค่าธรรมเนียม', nameEn: 'Local taxes and fees', department: 'finance' },
  { code: 'education', kind: 'general', nameTh: 'การศึกษาและศูนย์พัฒนาเด็กเล็ก', nameEn: 'Schools and child development centres', department: 'education' },
  { code: 'public_service', kind: 'general', nameTh: 'การให้บริการของเจ้าหน้าที่', nameEn: 'Service by staff', department: 'office' },
  { code: 'other', kind: 'general', nameTh: 'เรื่องอื่น ๆ', nameEn: 'Other', department: 'office' },
  { code: 'bribery', kind: 'corruption', nameTh: 'การเรียกรับสินบน', nameEn: 'Bribery', department: null },
  { code: 'procurement', kind: 'corruption', nameTh: 'การจัดซื้อจัดจ้างโดยมิชอบ', nameEn: 'Procurement irregularities', department: null },
  { code: 'abuse_of_power', kind: 'corruption', nameTh: 'การใช้อำนาจหน้าที่โดยมิชอบ', nameEn: 'Abuse of power', department: null },
  { code: 'conflict_of_interest', kind: 'corruption', nameTh: 'ผลประโยชน์ทับซ้อน', nameEn: 'Conflict of interest', department: null },
  { code: 'misconduct', kind: 'corruption', nameTh: 'การประพฤติมิชอบอื่น', nameEn: 'Other misconduct', department: null },
];

export const SEED_USERS: ReadonlyArray<{
  email: string;
  displayName: string;
  role: Role;
  department: DepartmentCode | null;
}> = [
  { email: 'admin@example.go.th', displayName: 'ผู้ดูแลระบบ', role: 'admin', department: null },
  { email: 'center@example.go.th', displayName: 'เจ้าหน้าที่ศูนย์รับเรื่อง', role: 'center', department: null },
  { email: 'works@example.go.th', displayName: 'เจ้าหน้าที่กองช่าง', role: 'officer', department: 'works' },
  { email: 'works.head@example.go.th', displayName: 'ผู้อำนวยการกองช่าง', role: 'head', department: 'works' },
  { email: 'finance@example.go.th', displayName: 'เจ้าหน้าที่กองคลัง', role: 'officer', department: 'finance' },
  { email: 'integrity@example.go.th', displayName: 'นิติกร', role: 'integrity', department: null },
  { email: 'executive@example.go.th', displayName: 'ปลัดเทศบาล', role: 'executive', department: null },
];
