/**
 * The privacy notice (ประกาศความเป็นส่วนตัว) that the Personal Data
 * Protection Act B.E. 2562 requires before personal data is collected:
 * who collects, what, why, on which basis, for how long, who sees it, and
 * the data subject's rights. `{org}`, `{contact}` are filled from the settings.
 */
export const privacyMessages = {
  th: {
    title: 'ประกาศความเป็นส่วนตัว',
    intro: '{org} ในฐานะผู้ควบคุมข้อมูลส่วนบุคคล ใช้ข้อมูลที่ท่านให้ไว้เมื่อยื่นเรื่องร้องทุกข์/ร้องเรียน ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ดังนี้',
    sections: [
      ['ข้อมูลที่เก็บ', 'ชื่อ-นามสกุล อีเมล หมายเลขโทรศัพท์ ที่อยู่ รายละเอียดเรื่องร้องเรียน และไฟล์แนบที่ท่านส่งมา ระบบไม่บันทึกที่อยู่ไอพีของท่าน'],
      ['วัตถุประสงค์', 'เพื่อรับเรื่อง ตรวจสอบ ดำเนินการแก้ไข และแจ้งผลหรือความคืบหน้าให้ท่านทราบ รวมทั้งจัดทำสถิติซึ่งไม่ระบุตัวบุคคล'],
      ['ฐานทางกฎหมาย', 'การปฏิบัติหน้าที่ในการดำเนินภารกิจเพื่อประโยชน์สาธารณะและการใช้อำนาจรัฐตามกฎหมาย และความยินยอมของท่านสำหรับการติดต่อกลับทางอีเมลหรือโทรศัพท์'],
      ['ผู้ที่เห็นข้อมูล', 'เฉพาะเจ้าหน้าที่ศูนย์รับเรื่องและกองที่รับผิดชอบเรื่องของท่าน ผู้บริหารเห็นเรื่องโดยไม่เห็นข้อมูลติดต่อของท่าน ข้อมูลของท่านไม่ถูกเปิดเผยต่อสาธารณะ และส่งต่อหน่วยงานอื่นเฉพาะเมื่อเรื่องอยู่ในอำนาจของหน่วยงานนั้น'],
      ['ระยะเวลาเก็บ', 'ตลอดระยะเวลาที่ดำเนินการเรื่อง และเก็บต่อตามระเบียบงานสารบรรณว่าด้วยการเก็บรักษาหนังสือราชการ'],
      ['สิทธิของท่าน', 'ท่านมีสิทธิขอเข้าถึง ขอสำเนา ขอแก้ไขข้อมูลให้ถูกต้อง ขอคัดค้าน ขอระงับ หรือขอลบข้อมูลตามที่กฎหมายกำหนด และถอนความยินยอมได้ โดยไม่กระทบต่อการดำเนินการที่ได้ทำไปแล้ว และร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคลได้'],
      ['ติดต่อ', 'ติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคลของ{org}: {contact}'],
    ],
    whistleblower: 'การแจ้งเบาะแสการทุจริตใช้ช่องทางแยกต่างหาก ข้อมูลระบุตัวผู้แจ้ง (ถ้ามี) ถูกเข้ารหัสและเปิดดูได้เฉพาะผู้รับผิดชอบเรื่องร้องเรียนการทุจริตพร้อมบันทึกเหตุผล',
    noContact: 'ที่ศูนย์รับเรื่องร้องทุกข์',
  },
  en: {
    title: 'Privacy notice',
    intro: '{org}, as data controller, uses the data you give when you file a complaint as follows, under the Personal Data Protection Act B.E. 2562 (2019):',
    sections: [
      ['What we keep', 'Your name, email, telephone, address, the details of the complaint and the files you send. The system does not record your IP address.'],
      ['Why', 'To receive, examine and act on your complaint and to tell you the outcome or the progress; and for statistics that name nobody.'],
      ['Legal basis', 'Performing a task carried out in the public interest and in the exercise of official authority; and your consent to be contacted by email or telephone.'],
      ['Who sees it', 'Only the complaint centre and the division responsible for your complaint. Executives see complaints without your contact details. Nothing about you is published; your complaint is passed to another agency only when it is theirs to handle.'],
      ['How long', 'For as long as the complaint is handled, then as the rules on keeping official records require.'],
      ['Your rights', 'You may ask to access, receive a copy of, correct, object to, restrict or erase your data as the law provides, and withdraw your consent without affecting what was done before; you may complain to the Personal Data Protection Committee.'],
      ['Contact', 'The data protection officer of {org}: {contact}'],
    ],
    whistleblower: 'Corruption reports use a separate channel; a reporter’s identity, when given, is encrypted and can be opened only by the integrity officer, who records a reason.',
    noContact: 'at the complaint centre',
  },
} as const;
